#!/usr/bin/env python3
"""The shape rules swift-format does not check: no line over 120 characters
and no function body over 60 lines, in Sources/ and Tests/.

A function is counted from its `func` or `init` line to its closing brace,
found by counting braces outside string literals and comments (rough, but
the same on every run). Prints every breach and exits 1 when there is any.

Usage: python3 scripts/check_shape.py [--max-line 120] [--max-function 60] [DIR ...]
"""
import argparse
import os
import re
import sys

DECLARATION = re.compile(r"^\s*(?:@[\w()\".: ]+\s+)*(?:(?:public|private|fileprivate|internal|package|static|class|"
                         r"mutating|nonmutating|override|final|nonisolated|convenience|required)\s+)*"
                         r"(func\s+[^\s(<]+|init[?!]?|deinit)\s*[(<{]")


def braces(line, in_block_comment):
    """Net `{` minus `}` of a line outside strings and comments; whether a block comment is still open."""
    depth, i, in_string = 0, 0, False
    while i < len(line):
        two = line[i:i + 2]
        if in_block_comment:
            if two == "*/":
                in_block_comment, i = False, i + 2
                continue
        elif in_string:
            if line[i] == "\\":
                i += 2
                continue
            if line[i] == '"':
                in_string = False
        elif two == "//":
            break
        elif two == "/*":
            in_block_comment, i = True, i + 2
            continue
        elif line[i] == '"':
            in_string = True
        elif line[i] == "{":
            depth += 1
        elif line[i] == "}":
            depth -= 1
        i += 1
    return depth, in_block_comment


def function_lengths(lines):
    """(first line number, length, name) of every function-like declaration with a body."""
    found = []
    for start, line in enumerate(lines):
        match = DECLARATION.match(line)
        if not match:
            continue
        depth, opened, comment = 0, False, False
        for end in range(start, len(lines)):
            if '"""' in lines[end]:
                continue  # multi-line string delimiters: their content is text, not code
            delta, comment = braces(lines[end], comment)
            depth += delta
            opened = opened or "{" in lines[end]
            if opened and depth <= 0:
                found.append((start + 1, end - start + 1, match.group(1)))
                break
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-line", type=int, default=120)
    parser.add_argument("--max-function", type=int, default=60)
    parser.add_argument("dirs", nargs="*", default=["Sources", "Tests"])
    args = parser.parse_args()
    breaches = []
    for root in args.dirs:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(f for f in files if f.endswith(".swift")):
                path = os.path.join(folder, name)
                lines = open(path, encoding="utf-8").read().split("\n")
                for number, line in enumerate(lines, 1):
                    if len(line) > args.max_line:
                        breaches.append(f"{path}:{number}: line of {len(line)} characters (at most {args.max_line})")
                for number, length, what in function_lengths(lines):
                    if length > args.max_function:
                        breaches.append(f"{path}:{number}: {what} is {length} lines long (at most {args.max_function})")
    for breach in breaches:
        print(breach)
    print(f"shape: {len(breaches)} breaches (lines over {args.max_line}, functions over {args.max_function} lines)")
    return 1 if breaches else 0


if __name__ == "__main__":
    sys.exit(main())
