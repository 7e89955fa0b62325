//go:build !unix

package store

const oNonblock = 0
