//go:build unix

package greet

func platform() string { return "a Unix system" }
