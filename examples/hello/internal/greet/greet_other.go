//go:build !unix && !windows

package greet

func platform() string { return "somewhere else" }
