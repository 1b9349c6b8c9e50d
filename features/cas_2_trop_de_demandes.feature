# language: fr
Fonctionnalité: Cas 2 - L'assuré ne peut pas demander plusieurs mails successifs de renouvellement
  Pour des raisons de sécurité, au bout d'un certain nombre de demandes
  « Recevoir le mail », un message d'erreur est affiché et le service de
  renouvellement du mot de passe est bloqué durant une courte période.
  Le nombre de demandes et la durée du blocage sont ceux qu'annonce le site.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu autant de mails de renouvellement que le site en autorise

  @cas-2 @horloge
  Scénario: La demande de trop est refusée et n'envoie pas de mail
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et aucun nouveau mail ne lui est envoyé

  @cas-2 @horloge
  Scénario: Le service reste bloqué jusqu'à la dernière seconde du blocage, que les demandes ne prolongent pas
    Étant donné que le service de renouvellement lui est bloqué
    Quand la durée du blocage moins 1 seconde s'écoule
    Et qu'il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et aucun nouveau mail ne lui est envoyé
    Quand 2 secondes s'écoulent
    Et qu'il demande le renouvellement de son mot de passe
    Alors la page « Consultez votre boîte mail » s'affiche
    Et il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe »

  @cas-2 @horloge
  Scénario: Une fois le blocage passé, l'assuré peut de nouveau recevoir le mail
    Étant donné que le service de renouvellement lui est bloqué
    Quand la durée du blocage et 1 seconde s'écoulent
    Et qu'il demande le renouvellement de son mot de passe
    Alors la page « Consultez votre boîte mail » s'affiche
    Et il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe »
