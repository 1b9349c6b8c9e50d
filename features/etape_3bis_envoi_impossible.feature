# language: fr
Fonctionnalité: Étape 3bis (cas 1) - L'assuré reçoit une notification indiquant que l'envoi du mail est impossible
  L'assuré n'a pas d'adresse email ou n'a pas validé son adresse email :
  le mail de renouvellement du mot de passe ne peut pas être envoyé.

  @etape-3bis
  Scénario: L'assuré sans adresse mail ne peut pas recevoir de mail de renouvellement
    Étant donné un assuré dont le compte n'a pas d'adresse mail
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche

  @etape-3bis
  Scénario: L'assuré qui n'a pas validé son adresse mail ne reçoit pas de mail de renouvellement
    Étant donné un assuré dont le compte a une adresse mail non validée
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche
    Et aucun mail ne lui est envoyé
