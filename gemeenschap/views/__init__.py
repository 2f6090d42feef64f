"""Pages of the gemeenschap app, one module per subject (hulpvragen, vrijwilligers, mantelzorg, activiteiten, …)."""
