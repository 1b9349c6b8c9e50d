"""Reports of the acceptance run: an HTML page in French traced to the guide,
the evidence of failures, and the guide-to-scenarios traceability table."""
