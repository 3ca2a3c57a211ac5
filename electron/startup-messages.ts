import { SchemaNewerError } from '../src/db/database';
import type { PostgresConnection } from '../src/db/postgres/pg-connection';
import { classifyConnectionError } from '../src/db/postgres/probe-errors';
import { messageText, type Locale } from '../src/shared/messages';

export interface OpenFailure {
  /** The explanation for the start-up dialog, in the user's language, with what to do. */
  readonly message: string;
  /** Whether trying again may help: not against a schema only a newer app can use. */
  readonly retryHelps: boolean;
}

/**
 * Why the server's database did not open, in the words of Settings → Database's connection
 * test (the same failure reads the same at start and in the test).
 */
export function describeOpenFailure(
  error: unknown,
  connection: PostgresConnection,
  locale: Locale,
): OpenFailure {
  if (error instanceof SchemaNewerError) {
    return {
      message: messageText('error.database.schemaNewer', locale, {
        migrations: error.unknown.join(', '),
      }),
      retryHelps: false,
    };
  }
  const failure = classifyConnectionError(error, connection);
  return {
    message: messageText(failure.message.key, locale, failure.message.params),
    retryHelps: true,
  };
}
