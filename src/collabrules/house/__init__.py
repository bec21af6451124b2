"""House extensions: configuration, declarative principles, their expressions, charter
and waivers."""
