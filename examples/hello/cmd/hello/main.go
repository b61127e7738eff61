// Command hello greets in the way its operating system prefers and says which build it is.
package main

import (
	"fmt"
	"os"

	"example.com/hello/internal/greet"
)

// version is stamped at build time: -ldflags "-X main.version=..."
var version = "dev"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "version" {
		fmt.Println("hello", version)
		return
	}
	fmt.Println(greet.Greeting())
}
