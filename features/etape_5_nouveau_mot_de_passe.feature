# language: fr
Fonctionnalité: Étape 5 - L'assuré renseigne son nouveau mot de passe
  L'assuré enregistre son nouveau mot de passe et le confirme, puis clique sur
  « Valider le nouveau mot de passe ». Il lui est rappelé que le mot de passe doit :
  1. comporter entre 8 et 50 caractères ;
  2. contenir des caractères latins minuscules et majuscules ;
  3. contenir un chiffre ou un caractère spécial ;
  4. ne contenir que des caractères autorisés (lettres latines, chiffres et les
     caractères spéciaux qu'annonce le site) ;
  5. ne pas contenir son numéro de sécurité sociale ou sa date de naissance
     (écrite JJMMAAAA, JJ/MM/AAAA ou AAAAMMJJ).
  Un mot de passe refusé l'est en nommant chaque règle non respectée, et aucune autre.
  Après chaque réponse, l'assuré se connecte : seul le mot de passe que le site a
  gardé lui ouvre son compte (le nouveau s'il a été accepté, l'ancien sinon) ;
  tout autre mot de passe qu'il a eu ou saisi est refusé, et la page de son
  compte refuse le navigateur où il a fait la démarche tant qu'il ne s'y est pas
  connecté.

  @etape-5
  Scénario: Les règles du mot de passe sont rappelées
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Alors les règles suivantes sont rappelées :
      | Comporter entre 8 et 50 caractères                                          |
      | Contenir des caractères latins minuscules et majuscules                     |
      | Contenir un chiffre ou un caractère spécial                                 |
      | Ne contenir que des caractères autorisés                                    |
      | Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance |

  @etape-5
  Plan du scénario: Règle 1 - le mot de passe compte de 8 à 50 caractères, bornes comprises
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit un mot de passe valide par ailleurs de <longueur> caractères
    Alors <résultat>
    Et seul le mot de passe que le site a gardé lui ouvre son compte

    Exemples:
      | longueur | résultat                                                                              |
      | 7        | le mot de passe est refusé pour la seule règle « Comporter entre 8 et 50 caractères » |
      | 8        | le mot de passe est accepté                                                           |
      | 50       | le mot de passe est accepté                                                           |
      | 51       | le mot de passe est refusé pour la seule règle « Comporter entre 8 et 50 caractères » |

  @etape-5
  Plan du scénario: Règles 2, 3 et 4 - les caractères du mot de passe
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit le nouveau mot de passe « <mot de passe> »
    Alors <résultat>
    Et seul le mot de passe que le site a gardé lui ouvre son compte

    Exemples: Règle 2 - des minuscules et des majuscules latines
      | mot de passe      | résultat                                                                                                                                          |
      | Nouveau-Mdp-2026  | le mot de passe est accepté                                                                                                                       |
      | nouveau-mdp-2026  | le mot de passe est refusé pour la seule règle « Contenir des caractères latins minuscules et majuscules »                                        |
      | NOUVEAU-MDP-2026  | le mot de passe est refusé pour la seule règle « Contenir des caractères latins minuscules et majuscules »                                        |
      | 2026-2027-2028    | le mot de passe est refusé pour la seule règle « Contenir des caractères latins minuscules et majuscules »                                        |
      | NOUVEAU-MDP-2026é | le mot de passe est refusé pour les règles « Contenir des caractères latins minuscules et majuscules ; Ne contenir que des caractères autorisés » |

    Exemples: Règle 3 - un chiffre ou un caractère spécial
      | mot de passe   | résultat                                                                                       |
      | NouveauMdp2026 | le mot de passe est accepté                                                                    |
      | Nouveau-Mdp-ok | le mot de passe est accepté                                                                    |
      | NouveauMdpOk   | le mot de passe est refusé pour la seule règle « Contenir un chiffre ou un caractère spécial » |

    Exemples: Règle 4 - seulement des caractères autorisés
      | mot de passe      | résultat                                                                                    |
      | Nouveau Mdp 2026  | le mot de passe est refusé pour la seule règle « Ne contenir que des caractères autorisés » |
      | Nouveau-Mdp-2026é | le mot de passe est refusé pour la seule règle « Ne contenir que des caractères autorisés » |
      | Nouveau-Mdp-2026😀 | le mot de passe est refusé pour la seule règle « Ne contenir que des caractères autorisés » |
      | Nouveau-Mdp-2026Ж | le mot de passe est refusé pour la seule règle « Ne contenir que des caractères autorisés » |

  @etape-5
  Scénario: Règle 4 - chacun des caractères spéciaux qu'annonce le site est accepté
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit un mot de passe de lettres et de tous les caractères spéciaux qu'annonce le site
    Alors le mot de passe est accepté
    Et seul le mot de passe que le site a gardé lui ouvre son compte

  @etape-5
  Plan du scénario: Règle 5 - ni le numéro de sécurité sociale ni la date de naissance
    Étant donné un assuré <né> dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit pour nouveau mot de passe « Ab » suivi de <donnée personnelle>
    Alors <résultat>
    Et seul le mot de passe que le site a gardé lui ouvre son compte

    Exemples:
      | né                 | donnée personnelle                                        | résultat                                                                                                                       |
      | né en métropole    | son numéro de sécurité sociale                            | le mot de passe est refusé pour la seule règle « Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance » |
      | né en Corse-du-Sud | son numéro de sécurité sociale en minuscules              | le mot de passe est refusé pour la seule règle « Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance » |
      | né en métropole    | sa date de naissance écrite JJMMAAAA                      | le mot de passe est refusé pour la seule règle « Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance » |
      | né en métropole    | sa date de naissance écrite JJ/MM/AAAA                    | le mot de passe est refusé pour la seule règle « Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance » |
      | né en métropole    | sa date de naissance écrite AAAAMMJJ                      | le mot de passe est refusé pour la seule règle « Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance » |
      | né en métropole    | son numéro de sécurité sociale sans son dernier caractère | le mot de passe est accepté                                                                                                    |

  @etape-5
  Plan du scénario: Toutes les règles non respectées sont nommées ensemble, et aucune autre
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit pour nouveau mot de passe <mot de passe>
    Alors le mot de passe est refusé pour les règles « <règles> »
    Et seul le mot de passe que le site a gardé lui ouvre son compte

    Exemples:
      | mot de passe                   | règles                                                                                                                                                                                |
      | « abc »                        | Comporter entre 8 et 50 caractères ; Contenir des caractères latins minuscules et majuscules ; Contenir un chiffre ou un caractère spécial                                            |
      | « é »                          | Comporter entre 8 et 50 caractères ; Contenir des caractères latins minuscules et majuscules ; Contenir un chiffre ou un caractère spécial ; Ne contenir que des caractères autorisés |
      | son numéro de sécurité sociale | Contenir des caractères latins minuscules et majuscules ; Ne pas contenir votre numéro de sécurité sociale ou votre date de naissance                                                 |
      | « Abcde1é »                    | Comporter entre 8 et 50 caractères ; Ne contenir que des caractères autorisés                                                                                                         |

  @etape-5
  Plan du scénario: La confirmation doit reprendre le nouveau mot de passe
    Étant donné un assuré dont le compte a une adresse mail validée
    Et qu'il a ouvert le lien de son mail de renouvellement
    Quand il choisit le nouveau mot de passe « Nouveau-Mdp-2026 » et le confirme par « <confirmation> »
    Alors <résultat>
    Et seul le mot de passe que le site a gardé lui ouvre son compte

    Exemples:
      | confirmation     | résultat                                                                                |
      | Nouveau-Mdp-2026 | le mot de passe est accepté                                                             |
      | Nouveau-Mdp-2025 | le message d'erreur « Les deux mots de passe saisis ne sont pas identiques. » s'affiche |
      | nouveau-mdp-2026 | le message d'erreur « Les deux mots de passe saisis ne sont pas identiques. » s'affiche |
