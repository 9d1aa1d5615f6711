"""The Matrix transport: one mautrix client per account, its asyncio loop in a thread of its
own, our synchronous handlers in a thread pool (see `bot.matrix.bot.MatrixBot`)."""
