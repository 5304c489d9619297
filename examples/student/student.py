# The Python program that main.go reproduces byte for byte.
# Usage: python3 student.py [path]   (default sample.json)
import json
import sys

student = {
    "name": "sathiyajith",
    "rollno": 56,
    "cgpa": 8.6,
    "phonenumber": "9976770500",
}

path = sys.argv[1] if len(sys.argv) > 1 else "sample.json"
with open(path, "w") as f:
    json.dump(student, f)
