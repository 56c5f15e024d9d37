"""The Canadian Experience Class (IRPR 87.1): work experience, language, Quebec."""
