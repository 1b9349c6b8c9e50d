# language: fr
Fonctionnalité: Étape 2 - Après un refus, l'assuré recommence sans rien perdre ni rien dépenser
  Le site vérifie la demande par étapes et ne signale que la première qui
  échoue : d'abord les champs (numéro, date de naissance), puis les caractères
  (le délai de 5 minutes, puis les caractères eux-mêmes), puis la personne,
  puis le cas 1 (pas d'adresse mail validée), enfin le cas 2 (trop de demandes).
  Après chaque refus, l'assuré retrouve son numéro et sa date de naissance tels
  qu'il les avait saisis, le champ des caractères vide et de nouveaux caractères
  à recopier ; aucun mail n'est envoyé, et le refus ne compte pas dans la
  limite des demandes.

  @etape-2 @horloge
  Plan du scénario: Après un refus, l'assuré garde sa saisie et reçoit de nouveaux caractères
    Étant donné un assuré dont le compte <compte>
    Quand sa demande est refusée <refus>
    Alors le message d'erreur « <message> » s'affiche
    Et son numéro et sa date de naissance sont ceux qu'il avait saisis, et le champ des caractères est vide
    Et de nouveaux caractères sont affichés, et ceux de la demande refusée ne sont plus acceptés
    Et aucun nouveau mail ne lui est envoyé

    Exemples:
      | compte                         | refus                                   | message                                                                                                                            |
      | a une adresse mail validée     | pour une date de naissance mal écrite   | La date n'a pas un format correct (jj/mm/aaaa).                                                                                    |
      | a une adresse mail validée     | pour des caractères recopiés trop tard  | Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer.                                              |
      | a une adresse mail validée     | pour des caractères erronés             | Les caractères saisis ne correspondent pas. Veuillez recommencer.                                                                  |
      | a une adresse mail validée     | pour un numéro qu'aucun compte ne porte | Les informations saisies ne permettent pas de vous identifier.                                                                     |
      | a une adresse mail non validée | faute d'adresse mail validée            | L'envoi du mail de renouvellement est impossible : aucune adresse mail validée n'est associée à votre compte.                      |
      | a une adresse mail validée     | pour trop de demandes                   | Vous avez demandé trop de mails de renouvellement. Le service est bloqué pendant une courte période, veuillez réessayer plus tard. |

  @etape-2 @horloge
  Plan du scénario: Une demande refusée ne compte pas dans la limite des demandes, quelle que soit la raison du refus
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu un mail de renouvellement de moins que le site n'en autorise
    Quand sa demande est refusée <refus>
    Et qu'il demande le renouvellement de son mot de passe
    Alors il reçoit un nouveau mail « Votre compte ameli – renouveler mon mot de passe »

    Exemples:
      | refus                                              |
      | pour une date de naissance mal écrite              |
      | pour des caractères recopiés trop tard             |
      | pour des caractères erronés                        |
      | pour une date de naissance qui n'est pas la sienne |

  @etape-2 @horloge
  Plan du scénario: Quand deux raisons de refuser se cumulent, seule la première dans l'ordre de la vérification est signalée
    Étant donné un assuré dont le compte <compte>
    Quand sa demande est refusée <refus>
    Alors le message d'erreur « <message> » s'affiche
    Et aucun nouveau mail ne lui est envoyé

    Exemples:
      | compte                         | refus                                                                  | message                                                                               |
      | a une adresse mail validée     | pour une date de naissance mal écrite et des caractères erronés        | La date n'a pas un format correct (jj/mm/aaaa).                                       |
      | a une adresse mail validée     | pour des caractères erronés, recopiés trop tard                        | Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer. |
      | a une adresse mail validée     | pour des caractères erronés et un numéro qu'aucun compte ne porte      | Les caractères saisis ne correspondent pas. Veuillez recommencer.                     |
      | a une adresse mail non validée | pour une date de naissance qui n'est pas la sienne                     | Les informations saisies ne permettent pas de vous identifier.                        |
      | a une adresse mail validée     | pour trop de demandes et une date de naissance qui n'est pas la sienne | Les informations saisies ne permettent pas de vous identifier.                        |
