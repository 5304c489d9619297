package typeerror

// T is fine, but the package does not type-check.
type T struct{ A int }

func f() int { return "x" }
