"""What the person lives after each answer of the renewal page: logging in, replaying."""
