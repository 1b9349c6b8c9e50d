# language: fr
Fonctionnalité: Messagerie indisponible - Le mail de renouvellement ne peut pas partir
  Le serveur de mail du site peut refuser le mail de renouvellement, un temps
  ou pour de bon, ou ne pas répondre du tout. L'assuré en est alors averti par
  un message d'erreur (sa formulation est celle du site), jamais par la page
  « Consultez votre boîte mail » ni par une page d'erreur du serveur. Rien
  n'est créé ni compté : le lien qu'il avait déjà reçu marche toujours, la
  demande refaite une fois le serveur de mail revenu envoie le mail, et la
  limite des demandes n'a rien décompté.
  Ces scénarios ont leur propre serveur de mail : sa panne ne touche pas les
  autres scénarios.

  @panne-messagerie
  Scénario: Le serveur de mail refuse un temps le mail, puis l'accepte : rien n'est perdu ni compté
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et que le serveur de mail refuse pour un temps les mails du site
    Quand il demande le renouvellement de son mot de passe et attend la réponse du site
    Alors un message d'erreur s'affiche
    Et le site ne répond pas par une page d'erreur du serveur
    Et la page « Consultez votre boîte mail » ne s'affiche pas
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche
    Quand le serveur de mail accepte de nouveau les mails
    Et qu'il demande les mails de renouvellement que le site lui autorise encore
    Alors il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe » pour chacune de ces demandes
    Quand il clique sur « Renouveler mon mot de passe » dans le mail le plus récent
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @panne-messagerie
  Scénario: Le serveur de mail refuse le mail pour de bon : l'assuré est averti, aucun mail n'arrive, son lien marche toujours
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et que le serveur de mail refuse définitivement les mails du site
    Quand il demande le renouvellement de son mot de passe et attend la réponse du site
    Alors un message d'erreur s'affiche
    Et le site ne répond pas par une page d'erreur du serveur
    Et la page « Consultez votre boîte mail » ne s'affiche pas
    Et aucun nouveau mail ne lui est envoyé
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche

  @panne-messagerie
  Scénario: Le serveur de mail ne peut pas être joint : l'assuré est averti en moins de 10 secondes, son lien marche toujours
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et que le serveur de mail du site ne peut pas être joint
    Quand il demande le renouvellement de son mot de passe et attend la réponse du site
    Alors un message d'erreur s'affiche moins de 10 secondes après sa demande
    Et le site ne répond pas par une page d'erreur du serveur
    Et la page « Consultez votre boîte mail » ne s'affiche pas
    Quand il clique sur « Renouveler mon mot de passe » dans ce mail
    Alors la page « Choisissez votre nouveau mot de passe » s'affiche
