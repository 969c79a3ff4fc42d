/**
 * Build-time code generation: the model serializers the manifest seam writes through. Not shipped
 * to users.
 */
package dev.rolloutkit.codegen;
