# language: fr
Fonctionnalité: Étape 4 - L'assuré clique sur le mail reçu dans sa boîte de messagerie
  Une fois le mail ouvert, l'assuré clique sur « Renouveler mon mot de passe ».
  Le mail de renouvellement est valable 30 minutes ; passé ce délai,
  l'assuré doit refaire la démarche. Seul le lien du mail le plus récent
  fonctionne, et une seule fois. L'assuré lit son mail où il veut : le lien
  fonctionne aussi sur un autre appareil que celui de la demande.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée

  @etape-4
  Scénario: Le mail de renouvellement part à l'adresse du compte, et à elle seule
    Quand il demande le renouvellement de son mot de passe
    Alors il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »
    Et ce mail vient de « Votre Assurance Maladie »
    Et ce mail n'est adressé qu'à l'adresse de son compte
    Et ce mail a une version texte et une version HTML
    Et ce mail indique que le lien est valable 30 minutes

  @etape-4
  Scénario: Le lien « Renouveler mon mot de passe » mène au choix du nouveau mot de passe
    Étant donné qu'il a reçu le mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-4 @horloge
  Scénario: Le lien ouvert au bout de 29 minutes et 59 secondes fonctionne
    Étant donné qu'il a reçu le mail de renouvellement
    Quand 29 minutes et 59 secondes s'écoulent
    Et qu'il clique sur « Renouveler mon mot de passe » dans le mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-4 @horloge
  Scénario: Le lien ouvert au bout de 30 minutes et 1 seconde a expiré
    Étant donné qu'il a reçu le mail de renouvellement
    Quand 30 minutes et 1 seconde s'écoulent
    Et qu'il clique sur « Renouveler mon mot de passe » dans le mail
    Alors le lien est refusé avec le message « Ce lien de renouvellement a expiré. Veuillez refaire la démarche Mot de passe oublié. »
    Quand il clique sur « Mot de passe oublié ? »
    Alors la page « Mot de passe oublié » s'affiche

  @etape-4 @horloge
  Scénario: Le nouveau mot de passe validé à 29 minutes et 59 secondes est enregistré
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Quand 29 minutes et 59 secondes s'écoulent
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors le mot de passe est accepté
    Et seul le mot de passe que le site a gardé lui ouvre son compte

  @etape-4 @horloge
  Scénario: Le nouveau mot de passe validé après 30 minutes est refusé
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Quand 30 minutes et 1 seconde s'écoulent
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors le lien est refusé avec le message « Ce lien de renouvellement a expiré. Veuillez refaire la démarche Mot de passe oublié. »
    Et seul le mot de passe que le site a gardé lui ouvre son compte

  @etape-4
  Scénario: Après une nouvelle demande, le lien du mail précédent ne fonctionne plus
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ensuite reçu un nouveau mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail précédent
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Quand il clique sur « Renouveler mon mot de passe » dans le mail le plus récent
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @etape-4
  Scénario: Une page ouverte depuis un lien remplacé par un mail plus récent refuse le nouveau mot de passe
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Quand il demande un nouveau mail de renouvellement dans un autre onglet
    Et qu'il revient au premier onglet et choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et seul le mot de passe que le site a gardé lui ouvre son compte

  @etape-4
  Scénario: Le lien fonctionne sur un autre appareil que celui de la demande
    Étant donné qu'il a reçu le mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail, sur son téléphone
    Et qu'il choisit sur son téléphone le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche sur son téléphone
    Et seul son nouveau mot de passe lui ouvre désormais son compte

  @etape-4
  Scénario: Le lien ne sert qu'une fois
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail
    Et qu'il a choisi le nouveau mot de passe « Nouveau-Mdp-2026 »
    Quand il clique sur « Renouveler mon mot de passe » dans le mail
    Alors le lien est refusé avec le message « Ce lien de renouvellement n'est plus valide. Utilisez le lien du mail le plus récent. »
    Et seul le mot de passe que le site a gardé lui ouvre son compte
