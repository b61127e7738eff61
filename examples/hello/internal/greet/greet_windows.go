package greet

func platform() string { return "Windows" }
