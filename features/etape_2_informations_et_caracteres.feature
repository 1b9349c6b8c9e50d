# language: fr
Fonctionnalité: Étape 2 - L'assuré complète les informations pour récupérer son code provisoire
  L'assuré renseigne son numéro de sécurité sociale ainsi que sa date de naissance,
  puis écrit les caractères lus ou entendus pour passer à la suite.
  Il peut cliquer sur la flèche pour obtenir une nouvelle liste de caractères,
  ou sur le microphone pour écouter la série de caractères à recopier.
  Il dispose de 5 minutes pour lire ou écouter les caractères et les saisir ;
  s'il se trompe, il peut recommencer.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il est sur la page « Mot de passe oublié »

  @etape-2
  Scénario: Les caractères à recopier sont affichés en image
    Alors l'image des caractères à recopier est affichée

  @etape-2
  Scénario: La flèche donne une nouvelle liste de caractères sans effacer la saisie
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il clique sur la flèche « Nouvelle liste de caractères »
    Alors de nouveaux caractères à recopier sont affichés
    Et son numéro de sécurité sociale et sa date de naissance sont toujours saisis

  @etape-2
  Scénario: Le microphone fait entendre les caractères à recopier
    Quand il clique sur le microphone « Écouter les caractères »
    Alors la page joue un son

  @etape-2
  Scénario: L'assuré qui se trompe de caractères peut recommencer
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie des caractères erronés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les caractères saisis ne correspondent pas. Veuillez recommencer. » s'affiche
    Et son numéro de sécurité sociale et sa date de naissance sont toujours saisis
    Et le champ des caractères à recopier est vide
    Quand il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2
  Scénario: Les caractères sont acceptés en minuscules comme en majuscules
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie les caractères affichés en minuscules
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Les caractères recopiés en 4 minutes et 59 secondes sont acceptés
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et que 4 minutes et 59 secondes s'écoulent
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Passé 5 minutes, les caractères doivent être recopiés à nouveau
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et que 5 minutes et 1 seconde s'écoulent
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Le délai de 5 minutes pour recopier les caractères est dépassé. Veuillez recommencer. » s'affiche
    Et le champ des caractères à recopier est vide
    Quand il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2 @horloge
  Scénario: Une nouvelle liste de caractères donne 5 nouvelles minutes
    Quand il saisit son numéro de sécurité sociale et sa date de naissance
    Et que 4 minutes s'écoulent
    Et qu'il clique sur la flèche « Nouvelle liste de caractères »
    Et que 4 minutes s'écoulent
    Et qu'il recopie les nouveaux caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors la page « Consultez votre boîte mail » s'affiche

  @etape-2
  Plan du scénario: Un numéro de sécurité sociale ou une date de naissance mal écrits sont signalés
    Quand il saisit le numéro « <numéro> » et la date de naissance « <date> »
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « <message> » s'affiche
    Et le champ des caractères à recopier est vide

    Exemples:
      | numéro         | date       | message                                                                                   |
      | 185077512345   | 15/07/1985 | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B.      |
      | 18507751234567 | 15/07/1985 | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B.      |
      | 1850775A23456  | 15/07/1985 | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B.      |
      | 185072C123456  | 15/07/1985 | Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B.      |
      | 1850775123456  | 15/7/1985  | La date n'a pas un format correct (jj/mm/aaaa).                                           |
      | 1850775123456  | 31/02/1985 | La date n'a pas un format correct (jj/mm/aaaa).                                           |
      | 1850775123456  | 1985-07-15 | La date n'a pas un format correct (jj/mm/aaaa).                                           |
      | 1850775123456  | demain     | La date de naissance doit être inférieure à la date du jour.                              |
      | 1850775123456  | aujourd'hui | La date de naissance doit être inférieure à la date du jour.                             |

  @etape-2
  Scénario: Un numéro et une date mal écrits sont signalés ensemble
    Quand il saisit le numéro « 12345 » et la date de naissance « 32/13/1985 »
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Votre numéro de sécurité sociale doit contenir 13 caractères : des chiffres, A ou B. » s'affiche
    Et le message d'erreur « La date n'a pas un format correct (jj/mm/aaaa). » s'affiche

  @etape-2
  Scénario: Une personne inconnue n'est pas identifiée
    Quand il saisit un numéro de sécurité sociale qu'aucun compte ne porte et sa date de naissance
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les informations saisies ne permettent pas de vous identifier. » s'affiche

  @etape-2
  Scénario: Une date de naissance qui n'est pas la sienne ne permet pas de l'identifier
    Quand il saisit son numéro de sécurité sociale et une autre date de naissance
    Et qu'il recopie les caractères affichés
    Et qu'il clique sur « Recevoir le mail »
    Alors le message d'erreur « Les informations saisies ne permettent pas de vous identifier. » s'affiche
