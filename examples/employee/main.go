// Employee prints an employee record as JSON, indented by four spaces,
// exactly as Python's print(json.dumps(d, indent=4)) prints it
// (see employee.py beside this file).
//
// Generate the Dumps method, then run it, from the module root:
//
//	go generate ./examples/... && go run ./examples/employee
package main

import (
	"fmt"
	"log"

	"github.com/jsondump/jsondump"
)

//go:generate go tool jsondumpgen -type=Employee

// Employee is one employee record.
type Employee struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Department string `json:"department"`
}

func main() {
	emp := Employee{ID: "04", Name: "sunil", Department: "HR"}
	s, err := emp.Dumps(jsondump.Indent(4))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s)
}
