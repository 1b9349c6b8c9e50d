# language: fr
Fonctionnalité: Étape 3bis (cas 1) - L'assuré reçoit une notification indiquant que l'envoi du mail est impossible
  L'assuré n'a pas d'adresse email ou n'a pas validé son adresse email :
  le mail de renouvellement du mot de passe ne peut pas être envoyé.
  Seule une adresse validée reçoit le mail (étape 3).

  @etape-3bis
  Scénario: L'assuré sans adresse mail est averti que l'envoi est impossible
    Étant donné un assuré dont le compte n'a pas d'adresse mail
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche
    Et la page « Consultez votre boîte mail » ne s'affiche pas

  @etape-3bis
  Scénario: L'assuré qui n'a pas validé son adresse mail est averti, et ne reçoit pas de mail
    Étant donné un assuré dont le compte a une adresse mail non validée
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte. » s'affiche
    Et la page « Consultez votre boîte mail » ne s'affiche pas
    Et aucun mail ne lui est envoyé
