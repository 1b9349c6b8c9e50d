# language: fr
Fonctionnalité: Étape 5 - L'assuré renseigne son nouveau mot de passe
  L'assuré enregistre son nouveau mot de passe et le confirme, puis clique sur
  « Valider le nouveau mot de passe ». Il lui est rappelé que le mot de passe doit :
  comporter entre 8 et 50 caractères ; contenir des caractères latins minuscules
  et majuscules ; contenir un chiffre ou un caractère spécial ; ne contenir que
  des caractères autorisés ; ne pas contenir son numéro de sécurité sociale
  ou sa date de naissance.

  Contexte:
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a reçu le mail de renouvellement
    Et qu'il a ouvert le lien du mail

  @etape-5
  Scénario: Les règles du mot de passe sont rappelées
    Alors les règles suivantes sont rappelées :
      | Comporter entre 8 et 50 caractères                                          |
      | Contenir des caractères latins minuscules et majuscules                     |
      | Contenir un chiffre ou un caractère spécial                                 |
      | Ne contenir que des caractères autorisés                                    |
      | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |

  @etape-5
  Plan du scénario: Un mot de passe qui ne respecte pas une règle est refusé en la nommant
    Quand il choisit le nouveau mot de passe « <mot de passe> »
    Alors le mot de passe est refusé pour la seule règle « <règle> »
    Et son mot de passe n'a pas changé

    Exemples:
      | mot de passe       | règle                                                                       |
      | Abcdef1            | Comporter entre 8 et 50 caractères                                          |
      | abcdefg1           | Contenir des caractères latins minuscules et majuscules                     |
      | ABCDEFG1           | Contenir des caractères latins minuscules et majuscules                     |
      | 12345678           | Contenir des caractères latins minuscules et majuscules                     |
      | Abcdefgh           | Contenir un chiffre ou un caractère spécial                                 |
      | Abcd efg1          | Ne contenir que des caractères autorisés                                    |
      | Abcdéfg1           | Ne contenir que des caractères autorisés                                    |
      | Abcdefg1😀         | Ne contenir que des caractères autorisés                                    |
      | Abcdefg1Жж         | Ne contenir que des caractères autorisés                                    |
      | Ab{NIR}            | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |
      | Ab{JJMMAAAA}       | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |
      | Ab{JJ/MM/AAAA}     | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |
      | Ab{AAAAMMJJ}       | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |

  @etape-5
  Plan du scénario: Toutes les règles non respectées sont nommées ensemble
    Quand il choisit le nouveau mot de passe « <mot de passe> »
    Alors le mot de passe est refusé pour les règles « <règles> »
    Et son mot de passe n'a pas changé

    Exemples:
      | mot de passe | règles                                                                                                                                                         |
      | abc          | Comporter entre 8 et 50 caractères ; Contenir des caractères latins minuscules et majuscules ; Contenir un chiffre ou un caractère spécial                        |
      | é            | Comporter entre 8 et 50 caractères ; Contenir des caractères latins minuscules et majuscules ; Contenir un chiffre ou un caractère spécial ; Ne contenir que des caractères autorisés |
      | {NIR}        | Contenir des caractères latins minuscules et majuscules ; Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance                           |

  @etape-5
  Plan du scénario: Le mot de passe compte de 8 à 50 caractères, bornes comprises
    Quand il choisit un mot de passe valide par ailleurs de <longueur> caractères
    Alors <résultat>

    Exemples:
      | longueur | résultat                                                                        |
      | 7        | le mot de passe est refusé pour la seule règle « Comporter entre 8 et 50 caractères » |
      | 8        | la page « Votre nouveau mot de passe a bien été enregistré » s'affiche         |
      | 50       | la page « Votre nouveau mot de passe a bien été enregistré » s'affiche         |
      | 51       | le mot de passe est refusé pour la seule règle « Comporter entre 8 et 50 caractères » |

  @etape-5
  Scénario: La confirmation doit reprendre le nouveau mot de passe
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 » et le confirme par « Nouveau-Mdp-2025 »
    Alors le message d'erreur « Les deux mots de passe saisis ne sont pas identiques. » s'affiche
    Et son mot de passe n'a pas changé
