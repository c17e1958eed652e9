print("benchmarks: see scripts/")
