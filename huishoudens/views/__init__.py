"""Pages of the huishoudens app, one module per subject: dossier, coordinator, gesprek, inzage, plan."""
