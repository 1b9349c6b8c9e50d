"""What the person lives after each refusal of the forgot-password form: a new captcha, nothing counted, nothing sent."""
