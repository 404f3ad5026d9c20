"""The DSOP Control Common Standard v2 as spoken by a data consumer: wire models and clients."""
