"""pytest-bdd step definitions (one or two lines each, the logic is in pages/, mails/ and site_under_test/)
and test_guide_mot_de_passe_oublie.py, which binds every scenario of features/."""
