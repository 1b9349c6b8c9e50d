# language: fr
Fonctionnalité: Étape 6 - L'assuré reçoit la notification que son nouveau mot de passe est enregistré
  L'assuré reçoit la confirmation que son renouvellement de mot de passe a bien
  été enregistré. Il reçoit également un mail pour le notifier que son mot de
  passe a été modifié, en indiquant la date et l'heure du changement (heure de
  Paris, à la minute où il a eu lieu). Dès lors, seul le nouveau mot de passe
  permet de se connecter.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail

  @etape-6
  Scénario: L'assuré est informé à l'écran et par mail que son mot de passe a été modifié
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche
    Et il reçoit le mail « Votre compte ameli – votre mot de passe a été modifié »
    Et ce mail vient de « Votre Assurance Maladie »
    Et ce mail n'est adressé qu'à l'adresse de son compte
    Et ce mail indique la date et l'heure du changement
    Et seul son nouveau mot de passe lui ouvre désormais son compte

  @etape-6
  Scénario: L'assuré se connecte avec son nouveau mot de passe, et plus avec l'ancien
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Et qu'il clique sur « Connectez-vous »
    Et qu'il se connecte avec son ancien mot de passe
    Alors le message d'erreur « Numéro de sécurité sociale ou mot de passe incorrect. » s'affiche
    Quand il se connecte avec son nouveau mot de passe
    Alors la page « Mon compte ameli » s'affiche

  @etape-6 @horloge
  Scénario: Le mail date le changement à la minute où il a eu lieu, sans l'arrondir
    Quand l'horloge du site arrive à la dernière seconde d'une minute
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors la page « Votre nouveau mot de passe a bien été enregistré » s'affiche
    Et il reçoit le mail « Votre compte ameli – votre mot de passe a été modifié »
    Et ce mail indique la date et l'heure exactes du changement, heure de Paris
    Et seul son nouveau mot de passe lui ouvre désormais son compte

  @etape-6 @horloge
  Plan du scénario: Le mail donne l'heure de Paris en toute saison, même le matin d'un changement d'heure
    Quand l'horloge du site avance jusqu'à <moment>
    Et qu'il ouvre le lien d'un nouveau mail de renouvellement
    Et que <délai> s'écoulent
    Et qu'il choisit le nouveau mot de passe « Nouveau-Mdp-2026 »
    Alors il reçoit le mail « Votre compte ameli – votre mot de passe a été modifié »
    Et ce mail date le changement du jour même à <heure>, heure de Paris
    Et seul son nouveau mot de passe lui ouvre désormais son compte

    Exemples:
      | moment                                                                    | délai      | heure |
      | un jour d'été, à 14h30                                                    | 10 minutes | 14h40 |
      | un jour d'hiver, à 14h30                                                  | 10 minutes | 14h40 |
      | le matin du passage à l'heure d'été, à 1h50                               | 15 minutes | 03h05 |
      | le matin du passage à l'heure d'hiver, à 2h50 avant que l'heure ne recule | 15 minutes | 02h05 |
