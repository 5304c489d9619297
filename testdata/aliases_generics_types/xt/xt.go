// Package xt has a type generated from its external test package.
package xt

type In struct {
	V float64 `json:"v"`
}
