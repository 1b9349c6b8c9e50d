# language: fr
Fonctionnalité: Étape 2 - L'assuré recopie les caractères lus ou entendus
  L'assuré écrit les caractères lus ou entendus pour passer à la suite.
  Il peut cliquer sur la flèche pour obtenir une nouvelle liste de caractères à
  recopier, ou sur le microphone pour écouter la série de caractères à recopier.
  Il dispose de 5 minutes pour lire ou écouter les caractères et les saisir ;
  s'il se trompe dans la saisie, il peut recommencer.
  Les caractères sont comparés sans tenir compte des majuscules ni des espaces
  autour ; une liste remplacée, ou déjà utilisée, ne sert plus.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »
    Et qu'il a saisi son numéro de sécurité sociale et sa date de naissance

  @etape-2
  Scénario: Les caractères à recopier sont affichés en image
    Alors l'image des caractères à recopier est affichée

  @etape-2
  Scénario: La flèche donne une nouvelle liste de caractères sans effacer la saisie
    Quand il clique sur la flèche « Nouvelle liste de caractères »
    Alors de nouveaux caractères à recopier sont affichés
    Et son numéro de sécurité sociale et sa date de naissance sont toujours saisis

  @etape-2
  Scénario: Le microphone fait entendre les caractères à recopier
    Quand il clique sur le microphone « Écouter les caractères »
    Alors la page joue un son

  @etape-2
  Scénario: Après la flèche, le microphone fait entendre les nouveaux caractères
    Quand il clique sur le microphone « Écouter les caractères »
    Et qu'il clique sur la flèche « Nouvelle liste de caractères »
    Et qu'il clique de nouveau sur le microphone « Écouter les caractères »
    Alors la page joue un autre son que le précédent

  @etape-2
  Plan du scénario: Les caractères sont acceptés sans tenir compte des majuscules ni des espaces autour
    Quand il recopie les caractères affichés <écrits>
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

    Exemples:
      | écrits             |
      | tels quels         |
      | en minuscules      |
      | entourés d'espaces |

  @etape-2
  Plan du scénario: Des caractères qui ne sont pas ceux affichés sont refusés, et l'assuré peut recommencer
    Quand il recopie <quels caractères>
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche
    Et son numéro de sécurité sociale et sa date de naissance sont toujours saisis
    Et le champ des caractères à recopier est vide
    Quand il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

    Exemples:
      | quels caractères                          |
      | des caractères erronés                    |
      | les caractères affichés sauf le dernier   |

  @etape-2
  Scénario: Les caractères remplacés par la flèche ne sont plus acceptés
    Quand il clique sur la flèche « Nouvelle liste de caractères »
    Et qu'il recopie les caractères remplacés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche

  @etape-2
  Scénario: Après une erreur, les caractères de la liste précédente ne sont plus acceptés
    Quand il recopie des caractères erronés
    Et qu'il clique sur « Recevoir le mail »
    Et qu'il recopie les caractères remplacés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche

  @etape-2 @horloge
  Scénario: Les caractères recopiés en 4 minutes et 59 secondes sont acceptés
    Quand il recopie les caractères affichés
    Et que 4 minutes et 59 secondes s'écoulent
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Passé 5 minutes, les caractères doivent être recopiés à nouveau
    Quand il recopie les caractères affichés
    Et que 5 minutes et 1 seconde s'écoulent
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer. » s'affiche
    Et le champ des caractères à recopier est vide
    Quand il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Une nouvelle liste de caractères donne 5 nouvelles minutes
    Quand 4 minutes s'écoulent
    Et qu'il clique sur la flèche « Nouvelle liste de caractères »
    Et que 4 minutes s'écoulent
    Et qu'il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche
