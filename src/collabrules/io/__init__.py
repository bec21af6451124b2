"""Many cases in, many reports out: input walking, batch runs, output files, portfolio
summaries and trends."""
