pub mod inspect;
pub mod keygen;
pub mod sign;
pub mod trust;
pub mod verify;
