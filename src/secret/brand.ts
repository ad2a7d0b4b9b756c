/**
 * The brand of `SecretString`. This module is the one place it is declared: the type-aware lint
 * rules recognise the brand by this declaration (its file in keyguard's package), not by its name,
 * so a look-alike type of the user's own does not pass for it.
 */
declare const secretStringBrand: unique symbol;

/**
 * A string that came from a secret loader (`secretFromEnv`, `secretFromFile`, a secret manager),
 * never from a literal. At run time it is a plain string, so every SDK accepts it; at compile time
 * no `string` is assignable to it.
 */
export type SecretString = string & { readonly [secretStringBrand]: true };
