import { ApiError } from "@/lib/server/http/api-error";

/** The ApiError `promise` rejects with; anything else (a resolve, another error) fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}
