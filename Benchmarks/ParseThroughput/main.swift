import TerwatchEnv

print("not yet")
