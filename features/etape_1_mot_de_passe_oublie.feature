# language: fr
Fonctionnalité: Étape 1 - L'assuré choisit l'option « Mot de passe oublié »
  Si l'assuré ne se souvient plus de son mot de passe,
  il clique sur « Mot de passe oublié ».

  @etape-1
  Scénario: L'assuré qui a oublié son mot de passe clique sur « Mot de passe oublié ? »
    Étant donné que l'assuré est sur la page de connexion
    Quand il clique sur « Mot de passe oublié ? »
    Alors la page « Mot de passe oublié » s'affiche
