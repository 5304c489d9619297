package xt_test

import "rtmod3/xt"

type Ext struct {
	In xt.In            `json:"in"`
	P  *xt.In           `json:"p"`
	M  map[string]xt.In `json:"m"`
}
