import { AppError } from "@/lib/errors";

/** Votes, results and reveal on a plain share link: 409, the link exists but asks for no picks. */
export const reviewOff = () => new AppError("conflict", "This link is not asking for picks");
