// Student writes a student record as JSON to a file (default sample.json),
// exactly as Python's json.dump(d, f) writes it (see student.py beside this
// file).
//
// Generate the Dump method, then run it, from the module root:
//
//	go generate ./examples/... && go run ./examples/student -o sample.json
package main

import (
	"flag"
	"log"
	"os"
)

//go:generate go tool jsondumpgen -type=Student

// Student is one student record.
type Student struct {
	Name        string  `json:"name"`
	RollNo      int     `json:"rollno"`
	CGPA        float64 `json:"cgpa"`
	PhoneNumber string  `json:"phonenumber"`
}

func main() {
	out := flag.String("o", "sample.json", "output file")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("student: ")

	student := Student{Name: "sathiyajith", RollNo: 56, CGPA: 8.6, PhoneNumber: "9976770500"}
	if err := write(*out, &student); err != nil {
		log.Fatal(err)
	}
}

// write creates path and writes s into it as json.dump does.
func write(path string, s *Student) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := s.Dump(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
