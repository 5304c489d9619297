// Command mainpkg is a main package that calls its generated methods
// before they exist.
package main

import (
	"fmt"
	"os"
)

type Config struct {
	Name  string            `json:"name"`
	Port  int               `json:"port"`
	Tags  map[string]string `json:"tags"`
	Ratio float64           `json:"ratio"`
}

func main() {
	c := &Config{Name: "é", Port: 80, Tags: map[string]string{"b": "1", "a": "2"}, Ratio: 1}
	s, err := c.Dumps()
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(1)
	}
	fmt.Println(s)
}
