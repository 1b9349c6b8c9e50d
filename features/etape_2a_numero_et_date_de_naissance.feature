# language: fr
Fonctionnalité: Étape 2 - L'assuré renseigne son numéro de sécurité sociale et sa date de naissance
  Pour récupérer son code provisoire, l'assuré renseigne son numéro de sécurité
  sociale ainsi que sa date de naissance.
  Le numéro s'écrit en 13 caractères, sans la clé : des chiffres, et 2A ou 2B
  (en majuscules ou en minuscules) à la place du département pour les assurés nés
  en Corse ; les espaces et les points ne comptent pas. Il s'écrit ainsi à la
  connexion comme sur le formulaire « Mot de passe oublié ».
  La date s'écrit JJ/MM/AAAA, doit exister au calendrier et être passée.
  Un numéro et une date bien écrits doivent être ceux d'un même assuré.

  @etape-2
  Plan du scénario: Le numéro de sécurité sociale est accepté sous chacune de ses formes permises
    Étant donné un assuré <né> dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit son numéro de sécurité sociale <écrit> et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

    Exemples:
      | né                    | écrit            |
      | né en métropole       | tel quel         |
      | né en Corse-du-Sud    | tel quel         |
      | né en Haute-Corse     | en minuscules    |
      | né en métropole       | avec des espaces |
      | né en métropole       | avec des points  |

  @etape-2
  Plan du scénario: À la connexion aussi, le numéro de sécurité sociale est accepté sous chacune de ses formes permises
    Étant donné un assuré <né> dont le compte a une adresse mail validée
    Quand il se connecte avec son numéro de sécurité sociale <écrit> et son mot de passe
    Alors la page « Mon compte ameli » s'affiche

    Exemples:
      | né                 | écrit            |
      | né en métropole    | tel quel         |
      | né en Corse-du-Sud | tel quel         |
      | né en Haute-Corse  | en minuscules    |
      | né en métropole    | avec des espaces |
      | né en métropole    | avec des points  |

  @etape-2
  Plan du scénario: Une date de naissance réelle, passée et bien écrite est acceptée
    Étant donné un assuré <né> dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit son numéro de sécurité sociale et sa date de naissance <écrite>
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

    Exemples:
      | né                | écrite             |
      | né hier           | telle quelle       |
      | né un 29 février  | telle quelle       |
      | né en métropole   | entourée d'espaces |

  @etape-2
  Plan du scénario: Un numéro de sécurité sociale ou une date de naissance mal écrits sont signalés
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit le numéro « <numéro> » et la date de naissance « <date> »
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « <message> » s'affiche
    Et son numéro de sécurité sociale et sa date de naissance sont toujours saisis
    Et le champ des caractères à recopier est vide

    Exemples:
      | numéro         | date        | message                                                                              |
      | 185077512345   | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 18507751234567 | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 1850775A23456  | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 185072C123456  | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 185071A123456  | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 185077512345#  | 15/07/1985  | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. |
      | 1850775123456  | 15/7/1985   | La date n'a pas un format correct (jj/mm/aaaa).                                      |
      | 1850775123456  | 31/02/1985  | La date n'a pas un format correct (jj/mm/aaaa).                                      |
      | 1850775123456  | 29/02/1985  | La date n'a pas un format correct (jj/mm/aaaa).                                      |
      | 1850775123456  | 1985-07-15  | La date n'a pas un format correct (jj/mm/aaaa).                                      |
      | 1850775123456  | demain      | La date de naissance doit être inférieure à la date du jour.                         |
      | 1850775123456  | aujourd'hui | La date de naissance doit être inférieure à la date du jour.                         |

  @etape-2
  Scénario: Un numéro et une date mal écrits sont signalés ensemble
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit le numéro « 12345 » et la date de naissance « 32/13/1985 »
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. » s'affiche
    Et le message d'erreur « La date n'a pas un format correct (jj/mm/aaaa). » s'affiche

  @etape-2
  Plan du scénario: Un numéro et une date bien écrits qui ne sont pas ceux d'un même assuré ne l'identifient pas
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit <quoi>
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les informations saisies ne permettent pas de vous identifier. » s'affiche
    Et la page « Consultez votre boîte mail » ne s'affiche pas

    Exemples:
      | quoi                                                                        |
      | un numéro de sécurité sociale qu'aucun compte ne porte et sa date de naissance |
      | son numéro de sécurité sociale et une autre date de naissance               |

  @etape-2 @horloge
  Scénario: Peu après minuit à Paris, la veille est une date passée, même si le temps universel n'a pas encore changé de jour
    Étant donné que l'horloge du site avance jusqu'à minuit et demie à Paris, quand il est encore la veille en temps universel
    Et un assuré né hier dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Peu après minuit à Paris, le jour qui commence à Paris est déjà « aujourd'hui »
    Étant donné que l'horloge du site avance jusqu'à minuit et demie à Paris, quand il est encore la veille en temps universel
    Et un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Quand il saisit le numéro « 1850775123456 » et la date de naissance « aujourd'hui »
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « La date de naissance doit être inférieure à la date du jour. » s'affiche
