# language: fr
Fonctionnalité: Mail non reçu - Ce que l'assuré peut vérifier
  Si l'assuré n'a pas reçu le mail pour modifier son mot de passe : certaines
  messageries suppriment les mails contenant le mot « confirmation » ; il peut
  rechercher le mail avec les mots clés « Votre compte ameli – renouveler mon
  mot de passe » et « Votre Assurance Maladie » (l'expéditeur) ; il doit utiliser
  le mail de validation le plus récent, et non un ancien mail. Un antivirus ou
  la messagerie peuvent ouvrir le lien avant lui.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée

  @mail-non-recu
  Scénario: Aucun des mails du parcours n'a le mot « confirmation » dans son objet
    Quand il demande le renouvellement de son mot de passe
    Alors il reçoit un mail dont l'objet ne contient ni « confirm » ni « confirmation »
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors il reçoit un nouveau mail dont l'objet ne contient ni « confirm » ni « confirmation »

  @mail-non-recu
  Plan du scénario: L'assuré retrouve le mail en cherchant les mots clés du guide
    Étant donné qu'il a reçu le mail de renouvellement
    Quand il recherche « <mots clés> » dans sa messagerie
    Alors il trouve le mail de renouvellement

    Exemples:
      | mots clés                                        |
      | Votre compte ameli – renouveler mon mot de passe |
      | Votre Assurance Maladie                          |

  @mail-non-recu
  Scénario: C'est le mail le plus récent qu'il faut utiliser
    Étant donné qu'il a reçu le mail de renouvellement
    Et qu'il a ensuite reçu un nouveau mail de renouvellement
    Quand il clique sur « Renouveler mon mot de passe » dans le mail le plus récent
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche

  @mail-non-recu
  Scénario: Le lien du mail mène au site de l'Assurance Maladie lui-même
    Quand il demande le renouvellement de son mot de passe
    Alors il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »
    Et le lien « Renouveler mon mot de passe » de ce mail mène au site lui-même
    Et la version texte de ce mail donne la même adresse

  @mail-non-recu
  Scénario: Un antivirus qui ouvre le lien du mail avant l'assuré ne l'use pas
    Étant donné qu'il a reçu le mail de renouvellement
    Quand un antivirus ouvre le lien « Renouveler mon mot de passe » du mail avant lui
    Et qu'il clique sur « Renouveler mon mot de passe » dans le mail
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche
