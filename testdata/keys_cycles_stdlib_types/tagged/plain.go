// Package tagged has a type that exists only under the build tag "special".
package tagged

type Always struct{ N int }
