# language: fr
Fonctionnalité: Cas 2 - L'assuré ne peut pas demander plusieurs mails successifs de renouvellement
  Pour des raisons de sécurité, au bout d'un certain nombre de demandes
  « Recevoir le mail », un message d'erreur est affiché et le service de
  renouvellement du mot de passe est bloqué durant une courte période.
  Le nombre de mails permis, la période pendant laquelle ils sont comptés et la
  durée du blocage sont ceux qu'annonce le site. La limite vaut pour le compte,
  sur tous ses appareils ; les demandes refusées par un message d'erreur ne
  comptent pas ; pendant le blocage, les demandes ne le prolongent pas ; une fois
  le blocage passé, le décompte repart de zéro.

  @cas-2
  Scénario: La demande de trop est refusée et n'envoie pas de mail
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu autant de mails de renouvellement que le site en autorise
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et la page « Consultez votre boîte mail » ne s'affiche pas
    Et aucun nouveau mail ne lui est envoyé

  @cas-2
  Scénario: Les demandes refusées par un message d'erreur ne comptent pas
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'une de ses demandes a été refusée pour des caractères erronés
    Quand il demande autant de mails de renouvellement que le site en autorise
    Alors il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes

  @cas-2
  Scénario: Le blocage vaut pour le compte sur tous ses appareils, et pour lui seul
    Étant donné un assuré dont le compte a une adresse mail validée
    Et que le service de renouvellement lui est bloqué
    Quand il demande le renouvellement de son mot de passe depuis son téléphone
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche sur son téléphone
    Quand un autre assuré demande le renouvellement de son mot de passe sur le même ordinateur
    Alors la page « Consultez votre boîte mail » s'affiche

  @cas-2
  Plan du scénario: Le blocage vaut pour le compte quelle que soit la façon d'écrire son numéro
    Étant donné un assuré né en Corse-du-Sud dont le compte a une adresse mail validée
    Et que le service de renouvellement lui est bloqué
    Quand il demande le renouvellement de son mot de passe en écrivant son numéro <écrit>
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et aucun nouveau mail ne lui est envoyé

    Exemples:
      | écrit            |
      | en minuscules    |
      | avec des espaces |
      | avec des points  |

  @cas-2 @horloge
  Scénario: Un mail envoyé il y a un peu moins de la période de décompte compte encore
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu autant de mails de renouvellement que le site en autorise
    Quand la période de décompte moins 1 seconde s'écoule
    Et qu'il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche

  @cas-2 @horloge
  Scénario: Un mail envoyé il y a plus que la période de décompte ne compte plus
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu autant de mails de renouvellement que le site en autorise
    Quand la période de décompte et 1 seconde s'écoulent
    Et qu'il demande le renouvellement de son mot de passe
    Alors la page « Consultez votre boîte mail » s'affiche
    Et il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe »

  @cas-2 @horloge
  Scénario: Le service reste bloqué jusqu'à la dernière seconde du blocage, que les demandes ne prolongent pas
    Étant donné un assuré dont le compte a une adresse mail validée
    Et que le service de renouvellement lui est bloqué
    Quand la durée du blocage moins 1 seconde s'écoule
    Et qu'il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
    Et aucun nouveau mail ne lui est envoyé
    Quand 2 secondes s'écoulent
    Et qu'il demande le renouvellement de son mot de passe
    Alors la page « Consultez votre boîte mail » s'affiche
    Et il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe »

  @cas-2 @horloge
  Scénario: Une fois le blocage passé, le décompte repart de zéro
    Étant donné un assuré dont le compte a une adresse mail validée
    Et que le service de renouvellement lui est bloqué
    Quand la durée du blocage et 1 seconde s'écoulent
    Et qu'il demande autant de mails de renouvellement que le site en autorise
    Alors il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes
    Quand il demande le renouvellement de son mot de passe
    Alors le message d'erreur « Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. » s'affiche
