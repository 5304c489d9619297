# The Python program that main.go reproduces byte for byte.
import json

employee = {
    "id": "04",
    "name": "sunil",
    "department": "HR",
}

print(json.dumps(employee, indent=4))
