/** Bumped when a model change alters results for the same inputs. */
export const ENGINE_VERSION = '2'
