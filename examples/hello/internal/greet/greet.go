// Package greet says hello in the manner of the platform it was built for.
package greet

// Greeting is the line hello prints.
func Greeting() string {
	return "Hello from " + platform() + "!"
}
