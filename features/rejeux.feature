# language: fr
Fonctionnalité: Rejouer une demande - recharger, revenir en arrière, cliquer deux fois
  L'assuré pressé recharge la page qui vient de s'afficher (le navigateur
  envoie alors le formulaire une seconde fois), revient en arrière pour
  renvoyer le formulaire, ou clique deux fois sur le bouton. Le site n'en
  tient compte qu'une fois : les caractères à recopier ne servent qu'à une
  demande (la seconde reçoit le message des caractères), un seul mail de
  renouvellement part et son lien fonctionne ; le lien de renouvellement ne
  sert qu'une fois, le mot de passe ne change qu'une fois et un seul mail
  de confirmation part.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée

  @etape-3
  Scénario: Recharger la page « Consultez votre boîte mail » n'envoie pas de second mail
    Quand il demande le renouvellement de son mot de passe
    Et qu'il recharge la page, ce qui envoie de nouveau le formulaire
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche
    Et il reçoit un seul mail « Votre compte ameli – renouveler mon mot de passe »
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-3
  Scénario: Revenir en arrière et renvoyer le formulaire n'envoie pas de second mail
    Quand il demande le renouvellement de son mot de passe
    Et qu'il revient à la page précédente et renvoie le formulaire tel qu'il l'avait rempli
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche
    Et il reçoit un seul mail « Votre compte ameli – renouveler mon mot de passe »
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-3
  Scénario: Un double clic sur « Recevoir le mail » n'envoie qu'un mail
    Quand il remplit le formulaire et double-clique sur « Recevoir le mail »
    Alors il reçoit un seul mail « Votre compte ameli – renouveler mon mot de passe »
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-6
  Scénario: Recharger la page « Votre nouveau mot de passe a bien été enregistré » ne change pas le mot de passe une seconde fois
    Étant donné qu'il a ouvert le lien de son mail de renouvellement
    Et qu'il a choisi le nouveau mot de passe « Nouveau-Mdp-2026 »
    Quand il recharge la page, ce qui envoie de nouveau le formulaire
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et il reçoit un seul mail « Votre compte ameli – votre mot de passe a été modifié »
    Et seul le mot de passe que le site a gardé lui ouvre son compte

  @etape-6
  Scénario: Revenir en arrière et valider un autre mot de passe ne change pas le mot de passe une seconde fois
    Étant donné qu'il a ouvert le lien de son mail de renouvellement
    Et qu'il a choisi le nouveau mot de passe « Nouveau-Mdp-2026 »
    Quand il revient à la page précédente et valide, si elle le lui propose, le mot de passe « Autre-Mdp-2026 »
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et il reçoit un seul mail « Votre compte ameli – votre mot de passe a été modifié »
    Et seul le mot de passe que le site a gardé lui ouvre son compte
