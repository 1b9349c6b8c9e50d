# language: fr
Fonctionnalité: Étape 3 - L'assuré reçoit une notification l'invitant à accéder à sa boîte mail
  L'assuré est invité à se rendre dans sa boîte mail pour continuer la procédure.

  @etape-3
  Scénario: L'assuré est invité à consulter sa boîte mail
    Étant donné un assuré dont le compte a une adresse mail validée
    Quand il demande le renouvellement de son mot de passe
    Alors la page « Consultez votre boîte mail » s'affiche
    Et le message « Un mail vous a été envoyé pour renouveler votre mot de passe. Il est valable 30 minutes. » s'affiche
    Et il reçoit le mail « Votre compte ameli – renouveler mon mot de passe »
