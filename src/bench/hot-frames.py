#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples, for the benchmark notes.

Usage: hot-frames.py <recording.jfr> [count]
Prints the methods most often on top of the stack (self time) and the application methods
(org.veritycms) most often anywhere on it, each with its share of all samples.
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                      check=True, capture_output=True, text=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
top, anywhere, samples = collections.Counter(), collections.Counter(), 0
for event in text.split("jdk.ExecutionSample")[1:]:
    frames = [m.group(1) for m in (frame.match(line) for line in event.splitlines()) if m]
    if not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    for name in set(f for f in frames if f.startswith("org.veritycms")):
        anywhere[name] += 1
print(f"{samples} samples")
print("self:")
for name, n in top.most_common(count):
    print(f"  {100 * n / samples:5.1f}%  {name}")
print("application, anywhere on the stack:")
for name, n in anywhere.most_common(count):
    print(f"  {100 * n / samples:5.1f}%  {name}")
